package dev.billforge.branding.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

import dev.billforge.branding.Brand;
import dev.billforge.branding.BrandProblem;
import dev.billforge.branding.InvalidBrandPackException;
import dev.billforge.branding.internal.DirectoryPackFiles;
import dev.billforge.branding.internal.PackFiles;
import dev.billforge.branding.internal.PackReader;
import dev.billforge.branding.internal.ResourcePackFiles;

/**
 * Loads the brand pack at startup and exposes it as the {@code brand} bean. Order of
 * sources: {@code billforge.brand.dir} (or {@code BRAND_DIR}), then
 * {@code billforge.brand.location} (default {@code classpath:brand/}), then — if allowed
 * — the built-in neutral Billforge pack. A pack with problems stops startup with
 * {@link InvalidBrandPackException}.
 */
@AutoConfiguration
@EnableConfigurationProperties(BrandProperties.class)
public class BrandAutoConfiguration {

	/** Environment variable a deployment sets to mount a brand pack without a rebuild. */
	public static final String BRAND_DIR_ENV = "BRAND_DIR";

	private static final Logger log = LoggerFactory.getLogger(BrandAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	@Lazy(false) // a bad pack must stop startup even with global lazy initialisation
	public Brand brand(BrandProperties properties, Environment environment, ResourceLoader resourceLoader) {
		ResourcePatternResolver resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
		PackFiles files = choose(properties, environment, resolver);
		PackReader.Result result = PackReader.read(files);
		Brand brand = result.brand()
			.orElseThrow(() -> new InvalidBrandPackException(files.description(), result.problems()));
		log.info("Brand \"{}\" loaded from {}", brand.productName(), brand.source());
		return brand;
	}

	private static PackFiles choose(BrandProperties properties, Environment environment,
			ResourcePatternResolver resolver) {
		Path dir = properties.getDir();
		String setting = "billforge.brand.dir";
		if (dir == null) {
			String env = environment.getProperty(BRAND_DIR_ENV);
			if (env != null && !env.isBlank()) {
				dir = Path.of(env.strip());
				setting = BRAND_DIR_ENV;
			}
		}
		if (dir != null) {
			if (!Files.isDirectory(dir)) {
				// a consultant's mount that went wrong must not silently fall back to
				// another brand
				throw new InvalidBrandPackException("directory " + dir.toAbsolutePath(),
						List.of(new BrandProblem(setting, "", "\"" + dir + "\" is not a directory")));
			}
			return new DirectoryPackFiles(dir);
		}
		ResourcePackFiles tenantPack = new ResourcePackFiles(resolver, properties.getLocation());
		try {
			if (PackReader.looksLikePack(tenantPack)) {
				return tenantPack;
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not look for a brand pack at " + properties.getLocation(), e);
		}
		if (!properties.isAllowDefault()) {
			throw new InvalidBrandPackException(properties.getLocation(),
					List.of(new BrandProblem("brand.yml", "", "no brand pack found at " + properties.getLocation()
							+ " and billforge.brand.allow-default is false;" + " add the pack or set BRAND_DIR")));
		}
		log.warn("No brand pack at {}; using the neutral built-in Billforge brand", properties.getLocation());
		return new ResourcePackFiles(resolver, BrandProperties.BUILT_IN_LOCATION);
	}

}
