package dev.billforge.branding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.billforge.branding.Brand;
import dev.billforge.branding.PackFixture;

/**
 * A tenant ships its pack inside its jar; the pack must load from there, message files
 * included.
 */
class ResourcePackFilesTest {

	@TempDir
	Path temp;

	@ParameterizedTest(name = "directory entries in the jar: {0}")
	@ValueSource(booleans = { true, false })
	void packInsideAJarLoadsWithItsMessageFiles(boolean directoryEntries) throws IOException {
		Path jar = temp.resolve("tenant.jar");
		Path pack = PackFixture.classpathDir("brand");
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
			if (directoryEntries) {
				zip.putNextEntry(new JarEntry("brand/"));
				zip.closeEntry();
			}
			for (String name : List.of("brand.yml", "logo.svg", "favicon.png", "messages.properties",
					"messages_de.properties")) {
				zip.putNextEntry(new JarEntry("brand/" + name));
				zip.write(Files.readAllBytes(pack.resolve(name)));
				zip.closeEntry();
			}
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			ResourcePackFiles files = new ResourcePackFiles(new PathMatchingResourcePatternResolver(loader),
					"classpath:brand/");
			assertThat(files.fileNames()).containsExactly("brand.yml", "favicon.png", "logo.svg", "messages.properties",
					"messages_de.properties");
			PackReader.Result result = PackReader.read(files);
			assertThat(result.problems()).isEmpty();
			Brand brand = result.brand().orElseThrow();
			assertThat(brand.productName()).isEqualTo("Acme Docs");
			assertThat(brand.messageOverrides()).containsKeys(Locale.ROOT, Locale.GERMAN);
		}
	}

}
