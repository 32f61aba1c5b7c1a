package org.citybridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CityBridgeApplication {

	public static void main(String[] args) {
		SpringApplication.run(CityBridgeApplication.class, args);
	}
}
