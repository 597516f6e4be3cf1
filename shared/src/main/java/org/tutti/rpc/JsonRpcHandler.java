package org.tutti.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** One JSON-RPC method. */
@FunctionalInterface
public interface JsonRpcHandler {
    /**
     * Answers one call.
     *
     * @param params the request's params object (never null)
     * @return the result; {@code null} answers with neither result nor error (a 3.9.1 quirk, see §9.3)
     * @throws JsonRpcException to answer with an error
     */
    JsonElement handle(JsonObject params) throws JsonRpcException;
}
