package se.stratlas.system.web;

import java.beans.PropertyEditorSupport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text that comes in (form fields, request parameters, JSON strings) holds no control
 * characters but tab, line feed and carriage return: a NUL cannot be stored at all, and
 * the others break the XML of the reports (DOCX, PDF) they would end up in. Such input is
 * refused as a 400 that names the field; it never reaches the database.
 */
@Configuration(proxyBeanMethods = false)
class InputText {

	static final String CONTROL_MESSAGE = "holds a control character (such as NUL) that text may not contain";

	/**
	 * Whether the text holds a C0 control character other than tab, LF and CR, or DEL.
	 */
	static boolean hasControl(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
				return true;
			}
		}
		return false;
	}

	/** JSON strings: the default reading, then the check. */
	@Bean
	SimpleModule controlCharacterCheck() {
		SimpleModule module = new SimpleModule("stratlas-input-text");
		module.addDeserializer(String.class, new StringDeserializer() {
			@Override
			public String deserialize(JsonParser parser, DeserializationContext context) {
				String text = super.deserialize(parser, context);
				if (text != null && hasControl(text)) {
					return (String) context.handleWeirdStringValue(String.class, text, CONTROL_MESSAGE);
				}
				return text;
			}
		});
		return module;
	}

	/** Form fields and request parameters. */
	@ControllerAdvice
	static class Binding {

		@InitBinder
		void text(WebDataBinder binder) {
			binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
				@Override
				public void setAsText(String text) {
					if (text != null && hasControl(text)) {
						throw new IllegalArgumentException(CONTROL_MESSAGE);
					}
					setValue(text);
				}
			});
		}

	}

}
