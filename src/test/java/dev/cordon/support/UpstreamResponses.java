package dev.cordon.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

/** Canned OpenAI-compatible upstream answers for {@link UpstreamStub}. */
public final class UpstreamResponses {

    private UpstreamResponses() {}

    public static String completion(String content) {
        return """
                {"id":"chatcmpl-up","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}
                """.formatted(quote(content));
    }

    public static String toolCallCompletion(String name, String arguments) {
        return """
                {"id":"chatcmpl-up","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                   {"id":"call_1","type":"function","function":{"name":%s,"arguments":%s}}]},"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":20,"completion_tokens":9,"total_tokens":29}}
                """.formatted(quote(name), quote(arguments));
    }

    /** An SSE body streaming {@code pieces} and a final usage chunk, as OpenAI does. */
    public static String stream(String... pieces) {
        StringBuilder sb = new StringBuilder();
        sb.append(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
        for (String piece : pieces) {
            sb.append(chunk("{\"content\":" + quote(piece) + "}", "null"));
        }
        sb.append(chunk("{}", "\"stop\""));
        sb.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3,\"total_tokens\":8}}\n\n");
        sb.append("data: [DONE]\n\n");
        return sb.toString();
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":"
                + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    public static String embeddings(int count) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < count; i++) {
            data.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                    .append(",\"embedding\":[0.25,-0.5,").append(i).append(".0]}");
        }
        return "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"text-embedding-3-small\","
                + "\"usage\":{\"prompt_tokens\":6,\"total_tokens\":6}}";
    }

    /** Stub for a chat call of the given upstream model with a JSON answer. */
    public static MappingBuilder chatReturns(String path, String upstreamModel, String body) {
        return post(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.model", equalTo(upstreamModel)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));
    }

    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
