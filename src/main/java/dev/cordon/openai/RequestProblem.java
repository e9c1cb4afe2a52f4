package dev.cordon.openai;

import dev.cordon.pipeline.GatewayError;

/**
 * Thrown inside the request parsers for a precise 400 and caught by the validate stage, which turns
 * it into a rejection; it never leaves this package. Messages name parameters, never values.
 */
final class RequestProblem extends RuntimeException {

    private final transient GatewayError.InvalidRequest error;

    RequestProblem(String param, String message, String code) {
        super(code, null, false, false);
        this.error = new GatewayError.InvalidRequest(message, param, code);
    }

    static RequestProblem type(String param, String expected) {
        return new RequestProblem(param, "Invalid type for '" + param + "': expected " + expected + ".", "invalid_type");
    }

    static RequestProblem missing(String param) {
        return new RequestProblem(param, "Missing required parameter: '" + param + "'.", "missing_required_parameter");
    }

    static RequestProblem value(String param, String rule) {
        return new RequestProblem(param, "Invalid value for '" + param + "': " + rule, "invalid_value");
    }

    GatewayError.InvalidRequest error() {
        return error;
    }
}
