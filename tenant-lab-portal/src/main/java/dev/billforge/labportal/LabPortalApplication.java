package dev.billforge.labportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Lab portal tenant.
 * <p>
 * Its configuration is in application.yml (generated from tenant.yml) and product.yml;
 * platform behaviour comes from platform-core.
 */
@SpringBootApplication
public class LabPortalApplication {

	public static void main(String[] args) {
		SpringApplication.run(LabPortalApplication.class, args);
	}

}
