package dev.billforge.docrouter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** DocRouter: configuration in application.yml (generated) and product.yml; platform behaviour from platform-core. */
@SpringBootApplication
public class DocRouterApplication {

	public static void main(String[] args) {
		SpringApplication.run(DocRouterApplication.class, args);
	}

}
