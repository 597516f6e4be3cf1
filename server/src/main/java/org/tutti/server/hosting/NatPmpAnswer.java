package org.tutti.server.hosting;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A NAT-PMP gateway's answer to "what is your public address?" (RFC 6886 §3.2). Parsed here rather than through the
 * mapping library because the library drops the result code, and the code is what tells "no public address"
 * (3, network failure: what miniupnpd answers behind a second NAT) from a plain refusal.
 *
 * @param resultCode    0 success, 1 unsupported version (a PCP-only gateway), 2 not authorised, 3 network failure,
 *                      4 out of resources, 5 unsupported opcode
 * @param publicAddress the gateway's public address when {@code resultCode} is 0, else null
 */
record NatPmpAnswer(int resultCode, InetAddress publicAddress) {
    static final int PORT = 5351;
    static final int SUCCESS = 0;
    static final int UNSUPPORTED_VERSION = 1;
    static final int NETWORK_FAILURE = 3;
    /** Version 0, opcode 0: the public address request. */
    static final byte[] REQUEST = {0, 0};
    private static final int RESPONSE_BYTES = 12;
    private static final int OP_PUBLIC_ADDRESS_REPLY = 128;

    /** Parses a reply datagram; throws {@link IllegalArgumentException} on anything that is not one. */
    static NatPmpAnswer parse(byte[] data, int length) {
        // A version-mismatch reply may be shorter than 12 bytes: it carries only the header (RFC 6886 §3.5).
        if (length < 4 || (data[1] & 0xff) != OP_PUBLIC_ADDRESS_REPLY) {
            throw new IllegalArgumentException("not a NAT-PMP public address reply (" + length + " bytes)");
        }
        int code = (data[2] & 0xff) << 8 | data[3] & 0xff;
        if (code != SUCCESS) {
            return new NatPmpAnswer(code, null);
        }
        if (length < RESPONSE_BYTES) {
            throw new IllegalArgumentException("NAT-PMP public address reply too short: " + length + " bytes");
        }
        try {
            return new NatPmpAnswer(code, InetAddress.getByAddress(Arrays.copyOfRange(data, 8, 12)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // four bytes are always an address
        }
    }

    /** True when the router says it has no public address: the sign of a second NAT in front of it. */
    boolean noPublicAddress() {
        return resultCode == NETWORK_FAILURE
                || resultCode == SUCCESS && AddressScope.of(publicAddress).behindAnotherNat();
    }

    /** RFC 6886's meaning of the result code, for the refusal reason. */
    String meaning() {
        return switch (resultCode) {
            case SUCCESS -> "success";
            case UNSUPPORTED_VERSION -> "unsupported version";
            case 2 -> "not authorised or refused (port mapping may be switched off on the router)";
            case NETWORK_FAILURE -> "network failure (the router has no public address)";
            case 4 -> "out of resources (the router's mapping table is full)";
            case 5 -> "unsupported opcode";
            default -> "result code " + resultCode;
        };
    }
}
