package dev.billforge.identity.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.billforge.branding.Brand;
import dev.billforge.identity.ConditionalOnKeycloakLogin;
import dev.billforge.identity.KeycloakProperties;
import dev.billforge.identity.KeycloakSettings;
import dev.billforge.identity.LoginBrand;
import dev.billforge.identity.LoginBrandSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Provisioning beans, present in Keycloak mode; imported by the identity
 * auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnKeycloakLogin
public class KeycloakProvisioningConfiguration {

	/**
	 * The brand pack's login brand. A member class, so it is registered before the
	 * property-based default below, which then backs off; the identity auto-configuration
	 * runs after the branding one so the {@code brand} bean is known here.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(Brand.class)
	static class BrandPackLoginBrandConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LoginBrandSource loginBrandSource(Brand brand) {
			return new BrandPackLoginBrand(brand);
		}

	}

	/**
	 * Fallback when no brand pack is loaded (the branding auto-configuration excluded or
	 * its bean removed): billforge.product.name (else the realm) and
	 * billforge.identity.keycloak.theme.*.
	 */
	@Bean
	@ConditionalOnMissingBean
	LoginBrandSource loginBrandSource(Environment environment, KeycloakProperties properties, KeycloakSettings settings,
			ResourceLoader resources) {
		return () -> {
			String name = environment.getProperty("billforge.product.name", settings.realm());
			String logo = null;
			if (StringUtils.hasText(properties.getTheme().getLogo())) {
				Resource resource = resources.getResource(properties.getTheme().getLogo());
				try {
					logo = resource.getContentAsString(StandardCharsets.UTF_8);
				}
				catch (IOException e) {
					throw new UncheckedIOException("Cannot read the login logo " + properties.getTheme().getLogo(), e);
				}
			}
			return new LoginBrand(name, properties.getTheme().getPrimaryColor(), logo);
		};
	}

	@Bean
	@ConditionalOnMissingBean
	KeycloakProvisioner keycloakProvisioner(KeycloakSettings settings, KeycloakProperties properties) {
		return new KeycloakProvisioner(KeycloakAdminConnection.of(settings, properties));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "billforge.identity.keycloak.provision", havingValue = "true")
	ProvisioningExit provisioningExit(ApplicationContext context) {
		return code -> System.exit(SpringApplication.exit(context, () -> code));
	}

	@Bean
	@ConditionalOnProperty(name = "billforge.identity.keycloak.provision", havingValue = "true")
	ProvisioningCommand keycloakProvisioningCommand(KeycloakProvisioner provisioner, KeycloakSettings settings,
			KeycloakProperties properties, LoginBrandSource brand, ProvisioningExit exit) {
		return new ProvisioningCommand(provisioner,
				() -> RealmSpecFactory.create(settings, properties, brand.loginBrand()), exit::exit);
	}

}
