package dev.billforge.sigagent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** SigAgent: configuration in application.yml (generated) and product.yml; platform behaviour from platform-core. */
@SpringBootApplication
public class SigAgentApplication {

	public static void main(String[] args) {
		SpringApplication.run(SigAgentApplication.class, args);
	}

}
