package org.citybridge.system.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

import org.citybridge.system.query.QueryString;

import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Fills a {@link QueryString} record from the request's parameters. How each record is built (its
 * canonical constructor, the parameter name and kind of each component) is worked out once per
 * record type.
 */
final class QueryStringResolver implements HandlerMethodArgumentResolver {

	private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
		@Override
		protected Shape computeValue(Class<?> type) {
			return Shape.of(type);
		}
	};

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type.isRecord() && type.isAnnotationPresent(QueryString.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) throws Exception {
		Shape shape = SHAPES.get(parameter.getParameterType());
		return shape.build(request);
	}

	/** A record type as this resolver fills it. */
	record Shape(Constructor<?> constructor, String[] names, boolean[] lists) {

		static Shape of(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
			Constructor<?> constructor;
			try {
				constructor = type.getDeclaredConstructor(types);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(type.getName() + " has no canonical constructor", ex);
			}
			constructor.setAccessible(true);
			String[] names = new String[components.length];
			boolean[] lists = new boolean[components.length];
			for (int i = 0; i < components.length; i++) {
				RecordComponent component = components[i];
				// @BindParam applies to parameters: it is on the canonical constructor's, not the component.
				BindParam bind = constructor.getParameters()[i].getAnnotation(BindParam.class);
				names[i] = bind != null ? bind.value() : component.getName();
				lists[i] = isListOfText(component.getGenericType());
				if (!lists[i] && component.getType() != String.class) {
					throw new IllegalStateException(type.getName() + "." + component.getName()
							+ ": a query string record holds texts and lists of texts only");
				}
			}
			return new Shape(constructor, names, lists);
		}

		private static boolean isListOfText(Type type) {
			return type instanceof ParameterizedType p && p.getRawType() == List.class
					&& p.getActualTypeArguments()[0] == String.class;
		}

		Object build(NativeWebRequest request) throws ReflectiveOperationException {
			Object[] args = new Object[this.names.length];
			for (int i = 0; i < args.length; i++) {
				String[] values = request.getParameterValues(this.names[i]);
				if (this.lists[i]) {
					if (values == null) {
						// As data binding: "country[]=…", the way some clients write a list.
						values = request.getParameterValues(this.names[i] + "[]");
					}
					args[i] = values == null ? null : list(values);
				}
				else {
					args[i] = values == null ? null : values.length == 1 ? values[0] : String.join(",", values);
				}
			}
			return this.constructor.newInstance(args);
		}

		/** One value is split at its commas (each part trimmed), several are taken as they are. */
		private static List<String> list(String[] values) {
			if (values.length != 1) {
				return List.of(values);
			}
			return Arrays.stream(StringUtils.commaDelimitedListToStringArray(values[0])).map(String::trim).toList();
		}
	}
}
