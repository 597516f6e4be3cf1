package org.tutti.rpc;

/** A JSON-RPC error with Jamulus's code and message (protocol doc §9.2); a method handler throws it to answer an error. */
public final class JsonRpcException extends Exception {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int AUTHENTICATION_FAILED = 400;
    public static final int UNAUTHENTICATED = 401;
    /** Client methods that need a connection to a server. */
    public static final int CLIENT_NOT_CONNECTED = 1;

    private final int code;

    public JsonRpcException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The usual "Invalid params: ..." error. */
    public static JsonRpcException invalidParams(String why) {
        return new JsonRpcException(INVALID_PARAMS, "Invalid params: " + why);
    }
}
