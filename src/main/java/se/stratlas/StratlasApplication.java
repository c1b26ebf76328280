package se.stratlas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class StratlasApplication {

	public static void main(String[] args) {
		SpringApplication.run(StratlasApplication.class, args);
	}

}
