package dev.billforge.labportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Lab portal: configuration in application.yml (generated) and product.yml; platform behaviour from platform-core. */
@SpringBootApplication
public class LabPortalApplication {

	public static void main(String[] args) {
		SpringApplication.run(LabPortalApplication.class, args);
	}

}
