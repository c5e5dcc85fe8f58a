export * from "./model-schema";
export * from "./score-types";
export * from "./fit";
export * from "./engagement";
export * from "./mql-rule";
export { DEFAULT_MODEL } from "./default-model";
export * from "./explain";
