package dev.billforge.identity.provisioning;

import java.util.Objects;

import dev.billforge.branding.Brand;
import dev.billforge.branding.ColourScheme;
import dev.billforge.identity.LoginBrand;
import dev.billforge.identity.LoginBrandSource;

/**
 * The login theme's brand taken from the tenant's brand pack (the {@code brand} bean of
 * the branding module): product name, light and dark palette, fonts and logo — the same
 * brand the web app and the emails show. Registered by
 * {@link KeycloakProvisioningConfiguration} whenever a {@link Brand} bean exists, so the
 * property-based default backs off.
 */
public final class BrandPackLoginBrand implements LoginBrandSource {

	private final Brand brand;

	public BrandPackLoginBrand(Brand brand) {
		this.brand = Objects.requireNonNull(brand, "brand");
	}

	@Override
	public LoginBrand loginBrand() {
		return of(brand);
	}

	/** The login brand of a loaded pack. */
	public static LoginBrand of(Brand brand) {
		var values = brand.values();
		LoginBrand.Style style = new LoginBrand.Style(colours(values.palette().light()),
				colours(values.palette().dark()), values.fonts().body(), values.fonts().heading());
		return new LoginBrand(values.productName(), values.palette().light().primary().hex(), brand.logoSvg(), style);
	}

	private static LoginBrand.Colours colours(ColourScheme scheme) {
		return new LoginBrand.Colours(scheme.background().hex(), scheme.surface().hex(), scheme.text().hex(),
				scheme.mutedText().hex(), scheme.border().hex(), scheme.primary().hex(), scheme.onPrimary().hex(),
				scheme.accent().hex());
	}

}
