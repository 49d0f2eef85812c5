// Original file: proto/ser/v1/model_registry_service.proto


/**
 * All model names.
 */
export interface ListModelsRequest {
}

/**
 * All model names.
 */
export interface ListModelsRequest__Output {
}
