package dev.billforge.docrouter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DocRouterApplication {

	public static void main(String[] args) {
		SpringApplication.run(DocRouterApplication.class, args);
	}

}
