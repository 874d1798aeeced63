package dev.billforge.sigagent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SigAgentApplication {

	public static void main(String[] args) {
		SpringApplication.run(SigAgentApplication.class, args);
	}

}
