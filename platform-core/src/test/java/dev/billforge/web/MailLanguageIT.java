package dev.billforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.ZoneId;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.billforge.notifications.Notifications;
import dev.billforge.notifications.OutboxMail;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;
import dev.billforge.testsupport.BillforgeIntegrationTest;

/**
 * Password-reset and invitation mails come from the message bundles in the recipient's
 * language: the language the person signed up in, else (for an invitee without an
 * account) the inviter's.
 */
@BillforgeIntegrationTest
@AutoConfigureMockMvc
class MailLanguageIT {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	Notifications notifications;

	@Autowired
	Orgs orgs;

	@Autowired
	Memberships memberships;

	private OutboxMail mailTo(String address) {
		// The newest mail other than the address confirmation every sign-up gets.
		return notifications.outbox(100)
			.stream()
			.filter(m -> m.to().contains(address))
			.filter(m -> !m.id().startsWith("verify-email:"))
			.findFirst()
			.orElseThrow();
	}

	private void signUp(String email, String lang) throws Exception {
		mvc.perform(post("/signup").param("lang", lang).param("email", email).param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?registered"));
	}

	@Test
	void someoneWhoSignedUpInGermanGetsTheResetMailInGermanEvenWhenAskingFromAnEnglishPage() throws Exception {
		signUp("greta@beispiel.test", "de");

		mvc.perform(post("/password-reset").param("lang", "en").param("email", "greta@beispiel.test").with(csrf()));

		OutboxMail mail = mailTo("greta@beispiel.test");
		assertThat(mail.subject()).endsWith(": Passwort zurücksetzen");
		assertThat(mail.body()).contains(
				"Öffnen Sie diesen Link, um ein neues Passwort zu wählen (er funktioniert einmal, 60 Minuten lang):")
			.containsPattern(Pattern.compile("/password-reset/[0-9a-f]{64}"))
			.doesNotContain("Open this link");
	}

	@Test
	void someoneWhoSignedUpInEnglishGetsTheResetMailInEnglish() throws Exception {
		signUp("emma@example.test", "en");

		mvc.perform(post("/password-reset").param("lang", "de").param("email", "emma@example.test").with(csrf()));

		OutboxMail mail = mailTo("emma@example.test");
		assertThat(mail.subject()).endsWith(": reset your password");
		assertThat(mail.body()).contains("Open this link to choose a new password").doesNotContain("Passwort");
	}

	@Test
	void anInvitationFollowsTheInviteesLanguageOrElseTheInvitersPage() throws Exception {
		OrgId org = orgs.create("Werkstatt", ZoneId.of("Europe/Berlin")).id();
		memberships.add(org, "chef@werkstatt.test", Role.OWNER);
		signUp("kurt@werkstatt.test", "de");

		// An English page inviting someone who signed up in German: German mail.
		mvc.perform(post("/members/invite").param("lang", "en")
			.param("email", "kurt@werkstatt.test")
			.param("role", "admin")
			.with(csrf())
			.with(user("chef@werkstatt.test"))).andExpect(redirectedUrl("/members"));
		OutboxMail kurt = mailTo("kurt@werkstatt.test");
		assertThat(kurt.subject()).endsWith(": chef@werkstatt.test hat Sie zu Werkstatt eingeladen");
		assertThat(kurt.body())
			.contains("chef@werkstatt.test hat Sie eingeladen, Werkstatt auf", "als Admin beizutreten.",
					"Der Link gilt bis", "(Europe/Berlin)")
			.containsPattern("/invitations/accept\\?token=[0-9a-f]{64}");

		// Someone without an account: the inviter's page language (German here).
		mvc.perform(post("/members/invite").param("lang", "de")
			.param("email", "neu@werkstatt.test")
			.param("role", "billing")
			.with(csrf())
			.with(user("chef@werkstatt.test"))).andExpect(redirectedUrl("/members"));
		assertThat(mailTo("neu@werkstatt.test").body()).contains("hat Sie eingeladen", "als Abrechnung beizutreten");

		// ... and English from an English page.
		mvc.perform(post("/members/invite").param("lang", "en")
			.param("email", "new@werkstatt.test")
			.param("role", "member")
			.with(csrf())
			.with(user("chef@werkstatt.test"))).andExpect(redirectedUrl("/members"));
		assertThat(mailTo("new@werkstatt.test").body()).contains("invited you to join Werkstatt on", "as Member.");
	}

}
