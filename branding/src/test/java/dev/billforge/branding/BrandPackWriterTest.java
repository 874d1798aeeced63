package dev.billforge.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrandPackWriterTest {

	@TempDir
	Path temp;

	@Test
	void writtenPackLoadsWithTheAnswers() throws IOException {
		Brand brand = BrandPackWriter.writeDefault(temp.resolve("brand"),
				new BrandAnswers("Acme Docs", "Documents in, data out", "#0F766E", "support@acme.example"));
		assertThat(brand.productName()).isEqualTo("Acme Docs");
		assertThat(brand.values().emailSenderName()).isEqualTo("Acme Docs");
		assertThat(brand.palette().light().primary().hex()).isEqualTo("#0F766E");
		assertThat(brand.values().legal().privacy()).hasToString("https://acme.example/privacy");
		assertThat(brand.logoSvg()).contains(">AD</text>").contains("fill=\"#0F766E\"");
		assertThat(brand.favicon().mediaType()).isEqualTo("image/svg+xml");
		assertThat(BrandPackValidator.validate(temp.resolve("brand"))).isEmpty();
	}

	@Test
	void generatedPacksPassValidationForManyPrimaryColours() throws IOException {
		long seed = Long.getLong("brand.seed", System.nanoTime()); // rerun a failure with
																	// -Dbrand.seed=<seed>
		Random random = new Random(seed);
		for (int i = 0; i < 50; i++) {
			String primary = String.format(Locale.ROOT, "#%06X", random.nextInt(0x1000000));
			Path dir = temp.resolve("pack-" + i);
			BrandPackWriter.writeDefault(dir, new BrandAnswers("Product " + i, "", primary, "help@product.example"));
			assertThat(BrandPackValidator.validate(dir))
				.as("pack for primary %s (seed %d, colour #%d)", primary, seed, i)
				.isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "#FFFFFF", "#000000", "#777777", "#808080", "#FFFF00", "#00FF00", "#0000FF", "#FF0000",
			"#F0F" })
	void generatedPacksPassValidationForExtremeColours(String primary) throws IOException {
		Path dir = temp.resolve("pack");
		BrandPackWriter.writeDefault(dir, new BrandAnswers("Edge", "", primary, "help@edge.example"));
		assertThat(BrandPackValidator.validate(dir)).isEmpty();
	}

	@Test
	void darkPrimaryStaysVisibleOnTheDarkBackground() throws IOException {
		Brand brand = BrandPackWriter.writeDefault(temp.resolve("brand"),
				new BrandAnswers("Navy", "", "#101040", "help@navy.example"));
		ColourScheme dark = brand.palette().dark();
		assertThat(dark.primary().contrastWith(dark.background())).isGreaterThanOrEqualTo(3.0);
		assertThat(dark.onPrimary().contrastWith(dark.primary())).isGreaterThanOrEqualTo(4.5);
	}

	@Test
	void onPrimaryIsDarkOnALightPrimary() throws IOException {
		Brand brand = BrandPackWriter.writeDefault(temp.resolve("brand"),
				new BrandAnswers("Sunny", "", "#FACC15", "help@sunny.example"));
		assertThat(brand.palette().light().onPrimary().relativeLuminance()).isLessThan(0.05);
	}

	@Test
	void badAnswersWriteNothingAndNameTheField() {
		Path dir = temp.resolve("brand");
		assertThatThrownBy(
				() -> BrandPackWriter.writeDefault(dir, new BrandAnswers("Acme", "", "#0F766E", "not-an-address")))
			.isInstanceOfSatisfying(InvalidBrandPackException.class,
					e -> assertThat(e.problems()).singleElement()
						.asString()
						.startsWith("brand.yml: support-email: \"not-an-address\" is not an email address"));
		assertThat(dir).doesNotExist();
		assertThat(temp).isEmptyDirectory();
	}

	@Test
	void malformedPrimaryIsRefusedBeforeWriting() {
		Path dir = temp.resolve("brand");
		assertThatThrownBy(() -> BrandPackWriter.writeDefault(dir, new BrandAnswers("Acme", "", "teal", "a@b.example")))
			.isInstanceOf(InvalidBrandPackException.class)
			.hasMessageContaining("palette.light.primary: \"teal\" is not a colour");
		assertThat(temp).isEmptyDirectory();
	}

	@Test
	void existingPackIsNotOverwritten() throws IOException {
		Path dir = temp.resolve("brand");
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("brand.yml"), "mine");
		assertThatThrownBy(
				() -> BrandPackWriter.writeDefault(dir, new BrandAnswers("Acme", "", "#0F766E", "a@b.example")))
			.isInstanceOf(FileAlreadyExistsException.class);
		assertThat(Files.readString(dir.resolve("brand.yml"))).isEqualTo("mine");
		try (Stream<Path> files = Files.list(temp)) {
			assertThat(files).containsExactly(dir);
		}
	}

	@Test
	void emptyTargetDirectoryIsFilled() throws IOException {
		Path dir = Files.createDirectories(temp.resolve("brand"));
		BrandPackWriter.writeDefault(dir, new BrandAnswers("Acme", "", "#0F766E", "a@b.example"));
		assertThat(dir.resolve("brand.yml")).exists();
		assertThat(dir.resolve("logo.svg")).exists();
		assertThat(dir.resolve("favicon.svg")).exists();
	}

	@Test
	void nameWithMarkupIsEscapedInTheLogo() throws IOException {
		Brand brand = BrandPackWriter.writeDefault(temp.resolve("brand"),
				new BrandAnswers("<b>Tom & \"Jerry\"</b>", "", "#0F766E", "a@b.example"));
		assertThat(brand.productName()).isEqualTo("<b>Tom & \"Jerry\"</b>");
		assertThat(brand.logoSvg()).doesNotContain("<b>")
			.contains("aria-label=\"&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;\"");
	}

}
