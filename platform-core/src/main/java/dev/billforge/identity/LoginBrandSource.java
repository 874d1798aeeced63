package dev.billforge.identity;

/**
 * Supplies the brand of the login theme. The default bean reads billforge.product.name and
 * billforge.identity.keycloak.theme.*; the branding module can replace it with one backed by the brand pack (declare a bean of this type).
 */
@FunctionalInterface
public interface LoginBrandSource {

    LoginBrand loginBrand();
}
