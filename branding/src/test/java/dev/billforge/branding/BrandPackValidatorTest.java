package dev.billforge.branding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrandPackValidatorTest {

	@TempDir
	Path temp;

	PackFixture pack;

	@BeforeEach
	void copyExamplePack() {
		pack = PackFixture.example(temp.resolve("brand"));
	}

	private List<String> problems() {
		return BrandPackValidator.validate(pack.dir()).stream().map(BrandProblem::toString).toList();
	}

	@Test
	void exampleTenantPackIsValid() {
		assertThat(problems()).isEmpty();
	}

	@Test
	void builtInDefaultPackIsValid() {
		assertThat(BrandPackValidator.validate(PackFixture.classpathDir("brand-default"))).isEmpty();
	}

	@Test
	void missingRequiredFieldIsNamed() {
		pack.replace("brand.yml", "support-email: \"support@acme.example\"\n", "");
		assertThat(problems()).containsExactly("brand.yml: support-email: is required but missing");
	}

	@Test
	void malformedColourIsNamedWithItsValue() {
		pack.replace("brand.yml", "primary: \"#0F766E\"", "primary: \"#12345\"");
		assertThat(problems())
			.containsExactly("brand.yml: palette.light.primary: \"#12345\" is not a colour (#RRGGBB or #RGB expected)");
	}

	@Test
	void unquotedColourExplainsTheYamlComment() {
		pack.replace("brand.yml", "primary: \"#0F766E\"", "primary: #0F766E");
		assertThat(problems()).singleElement()
			.asString()
			.startsWith("brand.yml: palette.light.primary: has no value")
			.contains("an unquoted # starts a YAML comment");
	}

	@Test
	void lowContrastTextReportsTheComputedRatio() {
		pack.replace("brand.yml", "text: \"#111827\"", "text: \"#777777\"");
		assertThat(problems())
			.contains("brand.yml: palette.light.text: contrast of text #777777 on background #FFFFFF is 4.47:1,"
					+ " below the WCAG AA minimum of 4.5:1 for normal text");
	}

	@Test
	void lowContrastOnPrimaryInDarkModeIsNamed() {
		pack.replace("brand.yml", "on-primary: \"#042F2E\"", "on-primary: \"#FFFFFF\"");
		assertThat(problems()).singleElement()
			.asString()
			.startsWith("brand.yml: palette.dark.on-primary: contrast of on-primary #FFFFFF on primary #2DD4BF is 1.")
			.endsWith("below the WCAG AA minimum of 4.5:1 for normal text");
	}

	@Test
	void mutedTextOnSurfaceIsCheckedToo() {
		pack.replace("brand.yml", "muted-text: \"#9CA3AF\"", "muted-text: \"#4B5563\"");
		assertThat(problems()).anyMatch(
				p -> p.startsWith("brand.yml: palette.dark.muted-text: contrast of muted-text #4B5563 on background"))
			.anyMatch(
					p -> p.startsWith("brand.yml: palette.dark.muted-text: contrast of muted-text #4B5563 on surface"));
	}

	@Test
	void unknownKeyIsAnErrorWithASuggestion() {
		pack.replace("brand.yml", "    primary: \"#0F766E\"", "    primay: \"#0F766E\"");
		assertThat(problems()).containsExactlyInAnyOrder(
				"brand.yml: palette.light.primay: unknown key (did you mean \"primary\"? allowed here: background,"
						+ " surface, text, muted-text, border, primary, on-primary, accent)",
				"brand.yml: palette.light.primary: is required but missing");
	}

	@Test
	void unknownTopLevelKeyIsAnError() {
		pack.replace("brand.yml", "tagline:", "logo: big.png\ntagline:");
		assertThat(problems()).singleElement()
			.asString()
			.startsWith("brand.yml: logo: unknown key (allowed here: name, tagline");
	}

	@Test
	void duplicateKeyIsAnError() {
		pack.replace("brand.yml", "tagline:", "name: \"Other\"\ntagline:");
		assertThat(problems()).singleElement()
			.asString()
			.startsWith("brand.yml: is not valid YAML at line")
			.contains("duplicate key name");
	}

	@Test
	void yamlSyntaxErrorNamesTheLine() {
		pack.write("brand.yml", "name: \"Acme\nfoo: [\n");
		assertThat(problems()).anyMatch(p -> p.startsWith("brand.yml: is not valid YAML at line"));
	}

	@Test
	void valueOfTheWrongTypeIsNamed() {
		pack.replace("brand.yml", "name: \"Acme Docs\"", "name: yes");
		assertThat(problems())
			.containsExactly("brand.yml: name: must be text but YAML read the boolean true; put the value in quotes");
	}

	@Test
	void legalLinkMustBeHttps() {
		pack.replace("brand.yml", "https://acme.example/terms", "http://acme.example/terms");
		assertThat(problems())
			.containsExactly("brand.yml: legal.terms: \"http://acme.example/terms\" must be an https:// URL");
	}

	@Test
	void javascriptLegalLinkIsRefused() {
		pack.replace("brand.yml", "https://acme.example/privacy", "javascript:alert(1)");
		assertThat(problems())
			.containsExactly("brand.yml: legal.privacy: \"javascript:alert(1)\" must be an https:// URL");
	}

	@Test
	void invalidEmailAddressIsNamed() {
		pack.replace("brand.yml", "support@acme.example", "support at acme");
		assertThat(problems()).containsExactly(
				"brand.yml: support-email: \"support at acme\" is not an email address (name@domain.tld expected)");
	}

	@Test
	void senderNameWithLineBreakIsRefused() {
		pack.replace("brand.yml", "\"Acme Docs Team\"", "\"Acme\\r\\nBcc: all@x.example\"");
		assertThat(problems())
			.containsExactly("brand.yml: email-sender-name: must be a single line without control characters");
	}

	@Test
	void remoteFontIsRefused() {
		pack.replace("brand.yml", "body: \"\\\"Inter\\\", system-ui, sans-serif\"",
				"body: \"Inter; src: url(https://fonts.example/inter.woff2)\"");
		assertThat(problems()).singleElement()
			.asString()
			.startsWith(
					"brand.yml: fonts.body: \"Inter; src: url(https://fonts.example/inter.woff2)\" is not a font-family stack");
	}

	@Test
	void everyProblemIsReportedTogether() {
		pack.replace("brand.yml", "primary: \"#0F766E\"", "primary: \"#12345\"")
			.replace("brand.yml", "https://acme.example/terms", "http://acme.example/terms")
			.replace("brand.yml", "support@acme.example", "nobody")
			.write("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
		assertThat(problems()).hasSize(4)
			.anyMatch(p -> p.startsWith("brand.yml: palette.light.primary:"))
			.anyMatch(p -> p.startsWith("brand.yml: legal.terms:"))
			.anyMatch(p -> p.startsWith("brand.yml: support-email:"))
			.anyMatch(p -> p.startsWith("logo.svg: <script> elements are not allowed"));
	}

	@Test
	void missingLogoIsNamed() {
		pack.delete("logo.svg");
		assertThat(problems()).containsExactly("logo.svg: is missing from the brand pack");
	}

	@Test
	void oversizedLogoIsRefusedWithItsSize() {
		String padding = "<!--" + "x".repeat(110 * 1024) + "-->";
		pack.write("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">" + padding + "</svg>");
		assertThat(problems()).singleElement()
			.asString()
			.startsWith("logo.svg: is 110.")
			.endsWith("KiB, above the limit of 100 KiB");
	}

	@Test
	void logoWithScriptIsRefused() {
		pack.write("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
		assertThat(problems()).containsExactly(
				"logo.svg: <script> elements are not allowed (the logo is inlined in pages, so it must be inert)");
	}

	@Test
	void logoWithEventHandlerIsRefused() {
		pack.write("logo.svg",
				"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"1\" height=\"1\"/></svg>");
		assertThat(problems()).singleElement()
			.asString()
			.startsWith("logo.svg: event handler attribute onload on <svg> is not allowed");
	}

	@Test
	void logoWithExternalOrScriptLinkIsRefused() {
		pack.write("logo.svg",
				"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
						+ "<a href=\"javascript:alert(1)\"><rect width=\"1\" height=\"1\"/></a>"
						+ "<image xlink:href=\"https://tracker.example/pixel.png\"/></svg>");
		assertThat(problems()).hasSize(2)
			.anyMatch(p -> p.startsWith("logo.svg: attribute href on <a> contains a script URL"))
			.anyMatch(p -> p.startsWith(
					"logo.svg: link xlink:href=\"https://tracker.example/pixel.png\" on <image> is not allowed"));
	}

	@Test
	void logoWithForeignObjectIsRefused() {
		pack.write("logo.svg",
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>");
		assertThat(problems()).singleElement()
			.asString()
			.startsWith("logo.svg: <foreignObject> elements are not allowed");
	}

	@Test
	void logoWithExternalEntityIsRefusedWithoutReadingTheFile() {
		pack.write("secret.txt", "TOP-SECRET-VALUE");
		pack.write("logo.svg",
				"<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file://" + pack.dir().resolve("secret.txt")
						+ "\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>");
		List<String> problems = problems();
		assertThat(problems).contains("logo.svg: must not contain a DOCTYPE (entity declarations are refused)");
		assertThat(String.join("\n", problems)).doesNotContain("TOP-SECRET-VALUE");
	}

	@Test
	void logoThatIsNotSvgIsRefused() {
		pack.write("logo.svg", "<html><body>hello</body></html>");
		assertThat(problems()).singleElement()
			.asString()
			.startsWith("logo.svg: root element must be <svg xmlns=\"http://www.w3.org/2000/svg\"> but is <html>");
	}

	@Test
	void malformedLogoNamesTheLine() {
		pack.write("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect></svg>");
		assertThat(problems()).singleElement().asString().startsWith("logo.svg: is not well-formed XML at line 2");
	}

	@Test
	void twoFaviconsAreAmbiguous() {
		pack.write("favicon.svg", pack.read("logo.svg"));
		assertThat(problems()).containsExactly("favicon: found favicon.svg and favicon.png; keep exactly one");
	}

	@Test
	void faviconIsSniffedFromContentNotName() {
		pack.write("favicon.png", "GIF89a not a png");
		assertThat(problems())
			.containsExactly("favicon.png: is not a PNG file (its content does not start with the PNG signature)");
	}

	@Test
	void missingFaviconIsNamed() {
		pack.delete("favicon.png");
		assertThat(problems()).singleElement().asString().startsWith("favicon: is missing");
	}

	@Test
	void misnamedFilesAreReportedInsteadOfIgnored() {
		pack.write("brand.yaml", "name: x").write("messages-de.properties", "a=b");
		assertThat(problems()).containsExactlyInAnyOrder(
				"brand.yaml: unknown file in the brand pack (rename it to brand.yml)",
				"messages-de.properties: unknown file in the brand pack (message files are named messages.properties"
						+ " or messages_<language>[_<COUNTRY>].properties, e.g. messages_de.properties or messages_pt_BR.properties)");
	}

	@Test
	void hiddenFilesAndReadmeAreTolerated() {
		pack.write(".DS_Store", "x").write("README.md", "# our brand");
		assertThat(problems()).isEmpty();
	}

	@Test
	void messagesThatAreNotUtf8AreNamed() {
		pack.write("messages_fr.properties", new byte[] { 'a', '=', (byte) 0xE9, '\n' });
		assertThat(problems()).containsExactly("messages_fr.properties: is not valid UTF-8 text (save it as UTF-8)");
	}

	@Test
	void directoryThatDoesNotExistIsAProblem() {
		assertThat(BrandPackValidator.validate(temp.resolve("nope"))).singleElement()
			.asString()
			.endsWith("is not a directory");
	}

}
