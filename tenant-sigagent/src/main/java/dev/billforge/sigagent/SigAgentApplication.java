package dev.billforge.sigagent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The SigAgent tenant.
 * <p>
 * Its configuration is in application.yml (generated from tenant.yml) and product.yml;
 * platform behaviour comes from platform-core.
 */
@SpringBootApplication
public class SigAgentApplication {

	public static void main(String[] args) {
		SpringApplication.run(SigAgentApplication.class, args);
	}

}
