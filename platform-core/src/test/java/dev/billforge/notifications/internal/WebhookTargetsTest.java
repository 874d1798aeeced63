package dev.billforge.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.billforge.common.ProblemException;

/**
 * An org admin cannot point the org webhook at this machine, the private network or cloud
 * metadata.
 */
class WebhookTargetsTest {

	/**
	 * Public names resolve to a public address; {@code internal.example.com} to a private
	 * one.
	 */
	static InetAddress[] fakeDns(String host) throws UnknownHostException {
		return switch (host) {
			case "hooks.example.com" -> new InetAddress[] { InetAddress.getByName("93.184.216.34") };
			case "internal.example.com" ->
				new InetAddress[] { InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3") };
			case "unknown.example.com" -> throw new UnknownHostException(host);
			default -> InetAddress.getAllByName(host); // literals and localhost, no DNS
		};
	}

	final WebhookTargets production = new WebhookTargets(false, WebhookTargetsTest::fakeDns);

	final WebhookTargets development = new WebhookTargets(true, WebhookTargetsTest::fakeDns);

	@ParameterizedTest
	@ValueSource(strings = { "https://127.0.0.1:22/", "https://localhost/hook", "https://[::1]/hook",
			"https://2130706433/hook", "https://127.1/hook", "https://[::ffff:127.0.0.1]/hook",
			"https://[0:0:0:0:0:ffff:7f00:1]/", "https://[::127.0.0.1]/", "https://[64:ff9b::7f00:1]/",
			"https://[2002:7f00:1::]/", "https://169.254.169.254/latest/meta-data/", "https://[fe80::1]/",
			"https://10.0.0.1/", "https://172.16.5.4/", "https://192.168.1.1/", "https://100.64.0.1/",
			"https://[fd00::1]/", "https://0.0.0.0/", "https://[::]/", "https://224.0.0.1/", "https://[ff02::1]/",
			"https://255.255.255.255/", "https://internal.example.com/hook" })
	void internalTargetsAreRefusedWhenSaved(String url) {
		assertThatThrownBy(() -> production.requireAllowed(url)).isInstanceOf(ProblemException.class)
			.hasMessageContaining("url");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://93.184.216.34/hook", "http://hooks.example.com/hook", "ftp://hooks.example.com/",
			"https://user:secret@hooks.example.com/", "/relative", "not a url" })
	void onlyPlainHttpsUrlsAreAccepted(String url) {
		assertThatThrownBy(() -> production.requireAllowed(url)).isInstanceOf(ProblemException.class);
	}

	@Test
	void publicHttpsTargetsAreAccepted() {
		assertThatCode(() -> production.requireAllowed("https://hooks.example.com/billforge?x=1"))
			.doesNotThrowAnyException();
		assertThatCode(() -> production.requireAllowed("https://93.184.216.34:8443/hook")).doesNotThrowAnyException();
	}

	@Test
	void aLongUrlIsRefusedBeforeParsing() {
		assertThatThrownBy(() -> production.requireAllowed("https://hooks.example.com/" + "a".repeat(5000)))
			.isInstanceOf(ProblemException.class);
	}

	@Test
	void theDevelopmentSwitchAllowsThisMachineButNotThePrivateNetwork() {
		assertThatCode(() -> development.requireAllowed("http://127.0.0.1:8080/hook")).doesNotThrowAnyException();
		assertThatCode(() -> development.requireAllowed("http://localhost:8080/hook")).doesNotThrowAnyException();
		assertThatThrownBy(() -> development.requireAllowed("https://169.254.169.254/"))
			.isInstanceOf(ProblemException.class);
		assertThatThrownBy(() -> development.requireAllowed("https://10.0.0.1/")).isInstanceOf(ProblemException.class);
		assertThatThrownBy(() -> development.requireAllowed("http://hooks.example.com/"))
			.isInstanceOf(ProblemException.class);
		assertThatThrownBy(() -> development.requireAllowed("http://unknown.example.com/"))
			.isInstanceOf(ProblemException.class);
	}

	@Test
	void aSendResolvesAgainAndRefusesAnAddressThatTurnedInternal() throws Exception {
		assertThat(production.resolveForDelivery(production.parse("https://hooks.example.com/")).getHostAddress())
			.isEqualTo("93.184.216.34");
		assertThatThrownBy(() -> production.resolveForDelivery(production.parse("https://internal.example.com/")))
			.isInstanceOf(WebhookTargets.NotAllowed.class);
	}

}
