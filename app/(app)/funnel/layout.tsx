import { authorizedLayout } from "@/components/auth/authorized-layout";

export default authorizedLayout("funnel:read");
