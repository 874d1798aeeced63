package dev.billforge.labportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LabPortalApplication {

	public static void main(String[] args) {
		SpringApplication.run(LabPortalApplication.class, args);
	}

}
