package dev.billforge.docrouter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The DocRouter tenant.
 * <p>
 * Its configuration is in application.yml (generated from tenant.yml) and product.yml;
 * platform behaviour comes from platform-core.
 */
@SpringBootApplication
public class DocRouterApplication {

	public static void main(String[] args) {
		SpringApplication.run(DocRouterApplication.class, args);
	}

}
