package se.stratlas.system.web;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The {@code required} list of the API's schemas: a record's every component is required
 * unless it is marked {@link Nullable}. The API's records are written whole (Jackson
 * writes a null as {@code null}, it does not leave the property out), so a response
 * always has every property; a request may leave out only what the record says may be
 * null.
 */
@Component
class RequiredRecordComponents implements ModelConverter {

	@Override
	public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		if (schema == null) {
			return null;
		}
		JavaType javaType = Json.mapper().constructType(type.getType());
		Class<?> raw = javaType.getRawClass();
		if (!raw.isRecord()) {
			return schema;
		}
		Schema<?> model = schema;
		if (schema.get$ref() != null) {
			model = context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
		}
		if (model == null || model.getProperties() == null) {
			return schema;
		}
		for (RecordComponent component : raw.getRecordComponents()) {
			boolean nullable = component.isAnnotationPresent(Nullable.class)
					|| component.getAnnotatedType().isAnnotationPresent(Nullable.class);
			if (!nullable && model.getProperties().containsKey(component.getName())
					&& (model.getRequired() == null || !model.getRequired().contains(component.getName()))) {
				model.addRequiredItem(component.getName());
			}
		}
		return schema;
	}

}
