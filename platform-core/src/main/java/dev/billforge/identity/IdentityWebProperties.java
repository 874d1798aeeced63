package dev.billforge.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Browser security settings ({@code billforge.identity.web.*}). */
@ConfigurationProperties("billforge.identity.web")
public class IdentityWebProperties {

	/**
	 * Extra paths anyone may open without signing in (Ant-style patterns, e.g. /pricing,
	 * /signup/**).
	 */
	private List<String> publicPaths = new ArrayList<>();

	/**
	 * Login page of local-accounts mode (a controller supplied elsewhere). Empty: Spring
	 * Security's generated page at /login.
	 */
	private String loginPage;

	/** Where a signed-out person lands (local mode, and after Keycloak's logout). */
	private String logoutSuccessPath = "/";

	/**
	 * Replaces the whole Content-Security-Policy header. Empty: the strict default (self
	 * only, no inline scripts or styles; form-action also allows the Keycloak server).
	 */
	private String contentSecurityPolicy;

	public List<String> getPublicPaths() {
		return publicPaths;
	}

	public void setPublicPaths(List<String> publicPaths) {
		this.publicPaths = publicPaths;
	}

	public String getLoginPage() {
		return loginPage;
	}

	public void setLoginPage(String loginPage) {
		this.loginPage = loginPage;
	}

	public String getLogoutSuccessPath() {
		return logoutSuccessPath;
	}

	public void setLogoutSuccessPath(String logoutSuccessPath) {
		this.logoutSuccessPath = logoutSuccessPath;
	}

	public String getContentSecurityPolicy() {
		return contentSecurityPolicy;
	}

	public void setContentSecurityPolicy(String contentSecurityPolicy) {
		this.contentSecurityPolicy = contentSecurityPolicy;
	}

}
