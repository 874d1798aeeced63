package dev.billforge.docrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.billforge.notifications.Notifications;
import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.LocalAccountsTestSupport;

/**
 * DocRouter's document pages inside the platform web app, with real sign-up, sign-in and
 * onboarding (local accounts, offline extraction): the layout's navigation, brand and
 * bell around them, the signed-in person's current org from their memberships, and 404
 * for another org's document.
 */
@BillforgeIntegrationTest(classes = DocRouterApplication.class)
@AutoConfigureMockMvc
class DocumentPagesIT {

	private static final String PASSWORD = "correct horse battery";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Notifications notifications;

	@Test
	void aMemberUploadsThroughThePageAndSeesItInThePlatformLayoutWhileAnotherOrgGetsNotFound() throws Exception {
		MockHttpSession alice = memberOfNewOrg("alice@docs.example", "Alice Accounting");

		String empty = page(alice, "/docrouter/documents");
		assertThat(empty).contains("No documents yet")
			.contains("href=\"/docrouter/documents\">Documents</a>") // the product's nav
																		// entry
			.contains("href=\"/billing\"", "/notifications/bell", "/brand.css") // platform
																				// nav,
																				// bell,
																				// brand
			.contains("DocRouter", "Alice Accounting");

		MvcResult uploaded = mvc.perform(multipart("/docrouter/documents")
			.file(new MockMultipartFile("file", "receipt.txt", "text/plain",
					"Corner Shop\nReceipt R-100\nTotal EUR 9.90\n".getBytes(StandardCharsets.UTF_8)))
			.param("_csrf", csrf(empty))
			.session(alice)).andReturn();
		assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
		String location = uploaded.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/docrouter/documents/doc_");

		assertThat(page(alice, location)).contains("receipt.txt", "completed", "9.90", "/notifications/bell");
		assertThat(page(alice, "/docrouter/documents")).contains("receipt.txt").doesNotContain("No documents yet");
		// The job (a hold, then a commit of 1 SPU) is in the usage dashboard under its
		// operation, charged once.
		assertThat(page(alice, "/?range=30d&groupBy=operation")).contains("<span>extract: 1</span>")
			.contains("Total in this range: 1 SPU");

		MockHttpSession bob = memberOfNewOrg("bob@other.example", "Bob Builders");
		MvcResult stranger = mvc.perform(get(location).session(bob)).andReturn();
		assertThat(stranger.getResponse().getStatus()).isEqualTo(404);
		assertThat(stranger.getResponse().getContentAsString()).doesNotContain("receipt.txt", "9.90");
		assertThat(page(bob, "/docrouter/documents")).doesNotContain("receipt.txt").contains("No documents yet");
	}

	@Test
	void aJobTheBalanceCannotCoverExplainsItAndLinksToBuyingCredits() throws Exception {
		MockHttpSession carol = memberOfNewOrg("carol@docs.example", "Carol Co");
		String list = page(carol, "/docrouter/documents");

		MvcResult refused = mvc
			.perform(multipart("/docrouter/documents")
				.file(new MockMultipartFile("file", "long.pdf", "application/pdf", Pdfs.pdf(120)))
				.param("_csrf", csrf(list))
				.session(carol))
			.andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(402);
		assertThat(refused.getResponse().getContentAsString()).contains("Buy credits", "href=\"/billing\"");
		assertThat(page(carol, "/docrouter/documents")).contains("No documents yet");
	}

	@Test
	void signedInWithoutAnOrgGoesToOnboardingAndAnonymousToSignIn() throws Exception {
		MockHttpSession dave = signUpAndSignIn("dave@docs.example");

		assertThat(mvc.perform(get("/docrouter/documents").session(dave)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/onboarding");
		assertThat(mvc.perform(get("/docrouter/documents")).andReturn().getResponse().getStatus()).isEqualTo(302);
	}

	@Test
	void thePagesSpeakGerman() throws Exception {
		MockHttpSession erika = memberOfNewOrg("erika@docs.example", "Erika GmbH");

		assertThat(page(erika, "/docrouter/documents?lang=de")).contains("Dokumente", "Hochladen und auslesen",
				"Noch keine Dokumente");
	}

	// --- helpers: the real local-accounts sign-up, sign-in and onboarding forms ---

	private MockHttpSession memberOfNewOrg(String email, String orgName) throws Exception {
		MockHttpSession session = signUpAndSignIn(email);
		String onboarding = page(session, "/onboarding");
		MvcResult created = mvc
			.perform(post("/onboarding").param("name", orgName)
				.param("timeZone", "Europe/Berlin")
				.param("_csrf", csrf(onboarding))
				.session(session))
			.andReturn();
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/");
		return session;
	}

	private MockHttpSession signUpAndSignIn(String email) throws Exception {
		MockHttpSession anonymous = new MockHttpSession();
		String signup = page(anonymous, "/signup");
		MvcResult registered = mvc
			.perform(post("/signup").param("email", email)
				.param("password", PASSWORD)
				.param("_csrf", csrf(signup))
				.session(anonymous))
			.andReturn();
		assertThat(registered.getResponse().getRedirectedUrl()).isEqualTo("/login?registered");
		LocalAccountsTestSupport.confirmAddress(mvc, notifications, email, null);
		String login = page(anonymous, "/login");
		MvcResult signedIn = mvc
			.perform(post("/login").param("username", email)
				.param("password", PASSWORD)
				.param("_csrf", csrf(login))
				.session(anonymous))
			.andReturn();
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
		return (MockHttpSession) signedIn.getRequest().getSession();
	}

	private String page(MockHttpSession session, String path) throws Exception {
		MvcResult result = mvc.perform(get(path).session(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static String csrf(String html) {
		Matcher token = CSRF.matcher(html);
		assertThat(token.find()).as("a form with a CSRF token").isTrue();
		return token.group(1);
	}

}
