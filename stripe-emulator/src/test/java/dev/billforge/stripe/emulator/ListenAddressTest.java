package dev.billforge.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * A container publishes the emulator's port only if it listens beyond the loopback
 * address.
 */
class ListenAddressTest {

	@Test
	void listensOnLoopbackOnlyUnlessToldOtherwise() throws Exception {
		InetAddress external = nonLoopbackAddress();
		try (StripeEmulator emulator = StripeEmulator.start(EmulatorConfig.builder().build())) {
			int port = port(emulator);
			assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
			assertThatThrownBy(() -> connect(external, port)).isInstanceOf(IOException.class);
		}
	}

	@Test
	void bindAddressAllInterfacesIsReachableFromOtherHosts() throws Exception {
		InetAddress external = nonLoopbackAddress();
		try (StripeEmulator emulator = StripeEmulator.start(EmulatorConfig.builder().bindAddress("0.0.0.0").build())) {
			assertThat(connects(external, port(emulator))).isTrue();
		}
	}

	private static int port(StripeEmulator emulator) {
		String url = emulator.baseUrl();
		return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
	}

	private static boolean connects(InetAddress address, int port) throws IOException {
		connect(address, port);
		return true;
	}

	private static void connect(InetAddress address, int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2000);
		}
	}

	private static InetAddress nonLoopbackAddress() throws SocketException {
		for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (nic.isUp() && !nic.isLoopback()) {
				for (InetAddress address : Collections.list(nic.getInetAddresses())) {
					if (address instanceof Inet4Address) {
						return address;
					}
				}
			}
		}
		throw new IllegalStateException("this test needs a non-loopback IPv4 interface");
	}

}
