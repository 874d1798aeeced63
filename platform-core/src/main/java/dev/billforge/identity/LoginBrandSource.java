package dev.billforge.identity;

/**
 * Supplies the brand of the login theme. With a brand pack loaded (the usual case) the
 * bean is {@link dev.billforge.identity.provisioning.BrandPackLoginBrand}; without one a
 * fallback reads billforge.product.name and billforge.identity.keycloak.theme.*. Declare
 * a bean of this type to replace both.
 */
@FunctionalInterface
public interface LoginBrandSource {

	LoginBrand loginBrand();

}
