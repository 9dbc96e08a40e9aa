package dev.kubelint.cel;

/**
 * An IP prefix as a CEL value ({@code cidr('10.0.0.0/8')}), parsed as Go's {@code netip.ParsePrefix} parses it,
 * with the Kubernetes library's restrictions.
 */
public final class Cidr {

    private final IpAddress address;
    private final int prefixLength;

    private Cidr(IpAddress address, int prefixLength) {
        this.address = address;
        this.prefixLength = prefixLength;
    }

    /** @throws IllegalArgumentException with the library's message when the text is not an allowed prefix */
    public static Cidr parse(String text) {
        int slash = text.lastIndexOf('/');
        String problem = null;
        IpAddress address = null;
        int length = -1;
        if (slash < 0) {
            problem = "no '/'";
        } else {
            String ip = text.substring(0, slash);
            String bits = text.substring(slash + 1);
            if (ip.contains("%")) {
                throw new IllegalArgumentException("CIDR \"" + text + "\" with zone value is not allowed");
            }
            try {
                address = IpAddress.of(IpAddress.parseBytes(ip));
            } catch (IllegalArgumentException e) {
                problem = "ParseAddr(\"" + ip + "\"): " + e.getMessage();
            }
            if (problem == null) {
                if (bits.isEmpty()
                        || !bits.chars().allMatch(c -> c >= '0' && c <= '9')
                        || (bits.length() > 1 && bits.charAt(0) == '0')) {
                    problem = "bad bits after slash: \"" + bits + "\"";
                } else {
                    length = bits.length() > 3 ? 1000 : Integer.parseInt(bits);
                    if (length > address.bytes().length * 8) {
                        problem = "prefix length out of range";
                    }
                }
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException("network address parse error during conversion from string: "
                    + "netip.ParsePrefix(\"" + text + "\"): " + problem);
        }
        if (address.family() == 6
                && address.toString().startsWith("::ffff:")
                && text.substring(0, slash).contains(".")) {
            throw new IllegalArgumentException("IPv4-mapped IPv6 address \"" + text + "\" is not allowed");
        }
        return new Cidr(address, length);
    }

    public static boolean isValid(String text) {
        return Parsing.succeeds(() -> parse(text));
    }

    public IpAddress ip() {
        return address;
    }

    public int prefixLength() {
        return prefixLength;
    }

    public Cidr masked() {
        return new Cidr(IpAddress.of(mask(address.bytes(), prefixLength)), prefixLength);
    }

    public boolean contains(IpAddress ip) {
        byte[] a = address.bytes();
        byte[] b = ip.bytes();
        return a.length == b.length && java.util.Arrays.equals(mask(a, prefixLength), mask(b, prefixLength));
    }

    public boolean contains(Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.address);
    }

    private static byte[] mask(byte[] bytes, int bits) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.address.equals(address) && c.prefixLength == prefixLength;
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + prefixLength;
    }
}
