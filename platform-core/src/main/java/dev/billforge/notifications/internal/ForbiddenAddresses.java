package dev.billforge.notifications.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Addresses an org's webhook may not reach: this machine, private and carrier-grade NAT
 * networks, link-local (cloud metadata at 169.254.169.254), multicast, unspecified,
 * reserved and documentation ranges — also when an IPv4 address is wrapped in IPv6
 * (mapped, compatible, NAT64, 6to4). Decided on the bytes of a resolved address, so
 * spellings such as {@code 2130706433} or {@code [::ffff:127.0.0.1]} cannot slip through.
 */
final class ForbiddenAddresses {

	private ForbiddenAddresses() {
	}

	/**
	 * True when a webhook may not connect to {@code address}; loopback only with the
	 * development switch.
	 */
	static boolean forbidden(InetAddress address, boolean allowLoopback) {
		if (address instanceof Inet6Address v6) {
			Inet4Address embedded = embeddedIpv4(v6.getAddress());
			if (embedded != null) {
				return forbidden(embedded, allowLoopback);
			}
			if (forbiddenIpv6(v6.getAddress())) {
				return true;
			}
		}
		if (address.isLoopbackAddress()) {
			return !allowLoopback;
		}
		if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isMulticastAddress()) {
			return true;
		}
		return address instanceof Inet4Address && forbiddenIpv4(address.getAddress());
	}

	private static boolean forbiddenIpv4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		int third = b[2] & 0xff;
		return first == 0 // "this network"
				|| first == 100 && (second & 0xc0) == 64 // carrier-grade NAT 100.64/10
				|| first == 192 && second == 0 && (third == 0 || third == 2) // IETF
																				// protocol,
																				// TEST-NET-1
				|| first == 198 && (second & 0xfe) == 18 // benchmarking 198.18/15
				|| first == 198 && second == 51 && third == 100 // TEST-NET-2
				|| first == 203 && second == 0 && third == 113 // TEST-NET-3
				|| first >= 240; // reserved and broadcast
	}

	private static boolean forbiddenIpv6(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		return (first & 0xfe) == 0xfc // unique local fc00::/7
				|| first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0 // Teredo
																				// 2001::/32
				|| first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8 // documentation
				|| isZero(b, 0, 16); // unspecified ::
	}

	/**
	 * The IPv4 address inside an IPv4-mapped, -compatible, NAT64 (64:ff9b::/96) or 6to4
	 * (2002::/16) address.
	 */
	private static Inet4Address embeddedIpv4(byte[] b) {
		byte[] v4 = null;
		if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
			v4 = java.util.Arrays.copyOfRange(b, 12, 16);
		}
		else if (isZero(b, 0, 12) && !isZero(b, 12, 16) && !(isZero(b, 12, 15) && b[15] == 1)) {
			v4 = java.util.Arrays.copyOfRange(b, 12, 16);
		}
		else if (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
				&& isZero(b, 4, 12)) {
			v4 = java.util.Arrays.copyOfRange(b, 12, 16);
		}
		else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
			v4 = java.util.Arrays.copyOfRange(b, 2, 6);
		}
		if (v4 == null) {
			return null;
		}
		try {
			return (Inet4Address) InetAddress.getByAddress(v4);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex); // four bytes are always an address
		}
	}

	private static boolean isZero(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}

}
