package io.callbook.common.ratelimit;

import io.netty.util.NetUtil;

/** An IPv4 or IPv6 address range in CIDR notation; a single address is a range of one. */
record AddressRange(byte[] network, int prefixLength) {

    static AddressRange parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range");
        }
        int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("'" + cidr + "' has an impossible prefix length");
        }
        return new AddressRange(network, prefix);
    }

    /** The bytes of an IP literal, or null for anything else; never a DNS lookup. */
    static byte[] literal(String text) {
        return text == null ? null : NetUtil.createByteArrayFromIpAddressString(text.strip());
    }

    boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }
}
