package dev.billforge.branding.autoconfigure;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the brand pack comes from ({@code billforge.brand.*}). */
@ConfigurationProperties("billforge.brand")
public class BrandProperties {

	/** Default classpath location of the brand pack a tenant ships in its jar. */
	public static final String DEFAULT_LOCATION = "classpath:brand/";

	/** Location of the neutral Billforge pack shipped in this module. */
	public static final String BUILT_IN_LOCATION = "classpath:brand-default/";

	/**
	 * External brand pack directory, e.g. a mounted folder. Wins over location. When
	 * unset, the BRAND_DIR environment variable is used.
	 */
	private Path dir;

	/** Spring resource location of the brand pack shipped with the tenant. */
	private String location = DEFAULT_LOCATION;

	/**
	 * Whether to fall back to the neutral built-in Billforge pack when no pack is found
	 * at location (and no directory is set). Set to false in production so a missing pack
	 * stops startup.
	 */
	private boolean allowDefault = true;

	public Path getDir() {
		return dir;
	}

	public void setDir(Path dir) {
		this.dir = dir;
	}

	public String getLocation() {
		return location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public boolean isAllowDefault() {
		return allowDefault;
	}

	public void setAllowDefault(boolean allowDefault) {
		this.allowDefault = allowDefault;
	}

}
