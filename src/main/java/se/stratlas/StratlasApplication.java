package se.stratlas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class StratlasApplication {

	public static void main(String[] args) {
		SpringApplication.run(StratlasApplication.class, args);
	}

}
