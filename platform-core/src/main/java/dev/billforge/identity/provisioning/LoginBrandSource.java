package dev.billforge.identity.provisioning;

/**
 * Supplies the brand of the login theme. The default bean reads billforge.product.name and
 * billforge.identity.keycloak.theme.*; the branding module can replace it with the brand pack.
 */
@FunctionalInterface
public interface LoginBrandSource {

    LoginBrand loginBrand();
}
