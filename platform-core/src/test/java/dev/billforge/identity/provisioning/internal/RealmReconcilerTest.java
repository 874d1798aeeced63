package dev.billforge.identity.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.billforge.identity.LoginBrand;
import dev.billforge.identity.provisioning.RealmSpec;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class RealmReconcilerTest {

	private final BCryptPasswordEncoder hasher = new BCryptPasswordEncoder(4);

	static RealmSpec spec(Map<String, String> smtp) {
		return new RealmSpec("acme", "Acme Docs",
				new RealmSpec.ClientSpec("web", "s3cret", "https://acme.test", List.of("https://acme.test/cb"),
						List.of("https://acme.test/*"), List.of("https://acme.test")),
				Map.of("operator", "ops", "member", "all"), "member",
				new RealmSpec.ThemeSpec(Path.of("/themes"), "acme", new LoginBrand("Acme Docs", "#0F766E", null)), smtp,
				null);
	}

	static Map<String, String> smtp(String password) {
		Map<String, String> smtp = new HashMap<>(Map.of("host", "mail.acme.test", "port", "587", "from",
				"no-reply@acme.test", "auth", "true", "user", "mailer"));
		smtp.put("password", password);
		return smtp;
	}

	@Test
	void freshRealmGetsEverySettingAndEachIsReported() {
		RealmRepresentation rep = new RealmRepresentation();

		List<String> changes = RealmReconciler.reconcile(spec(smtp("pw")), rep, hasher);

		assertThat(rep.getDisplayName()).isEqualTo("Acme Docs");
		assertThat(rep.getLoginTheme()).isEqualTo("acme");
		assertThat(rep.isRegistrationAllowed()).isTrue();
		assertThat(rep.isBruteForceProtected()).isTrue();
		assertThat(rep.isVerifyEmail()).as("an address is proven before it signs in").isTrue();
		assertThat(rep.getSmtpServer()).containsEntry("host", "mail.acme.test").containsEntry("password", "pw");
		assertThat(changes).contains("realm acme: displayName (unset) -> 'Acme Docs'",
				"realm acme: loginTheme (unset) -> 'acme'", "realm acme: smtpServer.password changed");
	}

	@Test
	void realmThatAlreadyMatchesIsNotChanged() {
		RealmRepresentation rep = new RealmRepresentation();
		RealmReconciler.reconcile(spec(smtp("pw")), rep, hasher);
		// Keycloak never returns the SMTP password, only a mask.
		rep.getSmtpServer().put("password", "**********");

		List<String> changes = RealmReconciler.reconcile(spec(smtp("pw")), rep, hasher);

		assertThat(changes).isEmpty();
		assertThat(rep.getSmtpServer()).containsEntry("password", "**********");
	}

	@Test
	void rotatedSmtpPasswordIsAppliedWithoutShowingIt() {
		RealmRepresentation rep = new RealmRepresentation();
		RealmReconciler.reconcile(spec(smtp("old-password")), rep, hasher);
		rep.getSmtpServer().put("password", "**********");

		List<String> changes = RealmReconciler.reconcile(spec(smtp("new-password")), rep, hasher);

		assertThat(changes).containsExactly("realm acme: smtpServer.password changed");
		assertThat(rep.getSmtpServer()).containsEntry("password", "new-password");
		assertThat(
				hasher.matches("new-password", rep.getAttributes().get(RealmReconciler.SMTP_PASSWORD_HASH_ATTRIBUTE)))
			.isTrue();
	}

	@Test
	void displayNameHtmlEscapesTheProductName() {
		assertThat(RealmReconciler.displayNameHtml("A & <B>")).contains("A &amp; &lt;B&gt;").doesNotContain("<B>");
	}

	@Test
	void withoutSmtpOrThemeTheRealmsOwnSettingsAreLeftAlone() {
		RealmSpec spec = spec(null);
		RealmSpec noTheme = new RealmSpec(spec.realm(), spec.displayName(), spec.client(), spec.roles(),
				spec.defaultRole(), null, null, null);
		RealmRepresentation rep = new RealmRepresentation();
		rep.setLoginTheme("keycloak");
		rep.setSmtpServer(Map.of("host", "their-own-mail"));

		RealmReconciler.reconcile(noTheme, rep, hasher);

		assertThat(rep.getLoginTheme()).isEqualTo("keycloak");
		assertThat(rep.getSmtpServer()).containsExactly(Map.entry("host", "their-own-mail"));
		assertThat(rep.isResetPasswordAllowed()).isFalse();
	}

}
