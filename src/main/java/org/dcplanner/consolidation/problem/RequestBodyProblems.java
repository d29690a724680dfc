package org.dcplanner.consolidation.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns Jackson's reading errors into a JSON path ({@code hostPool[0].count}) and a readable sentence. */
final class RequestBodyProblems {
    private RequestBodyProblems() {}

    /** The JSON path of the offending value, or null when the body is not even JSON. */
    static String field(Throwable cause) {
        JsonMappingException m = null;
        for (Throwable t = cause; t != null && m == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonMappingException j && !j.getPath().isEmpty()) m = j;
        }
        if (m == null) return null;
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    static String detail(Throwable top) {
        String field = field(top);
        String where = field == null ? "the request body" : "'" + field + "'";
        Throwable cause = mostSpecific(top);
        if (cause instanceof UnrecognizedPropertyException u) {
            return where + " is not a known field"
                    + (u.getKnownPropertyIds() == null
                                    || u.getKnownPropertyIds().isEmpty()
                            ? ""
                            : "; known: "
                                    + u.getKnownPropertyIds().stream()
                                            .map(String::valueOf)
                                            .sorted()
                                            .collect(Collectors.joining(", ")));
        }
        if (cause instanceof InputCoercionException c) {
            return where + ": the number is out of range for " + expected(c.getTargetType());
        }
        if (cause instanceof StreamConstraintsException c) {
            return "the request body exceeds a JSON parser limit: " + c.getOriginalMessage();
        }
        if (cause instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            if (target != null && target.isEnum()) {
                return where + ": '" + f.getValue() + "' is not one of " + allowed(target);
            }
            return where + ": '" + f.getValue() + "' is not " + expected(target);
        }
        if (cause instanceof MismatchedInputException m) {
            return where + ": expected " + expected(m.getTargetType());
        }
        if (cause instanceof JsonProcessingException p) {
            return "the request body is not valid JSON: " + p.getOriginalMessage();
        }
        return "the request body is missing or unreadable";
    }

    /** The innermost cause, but a value Jackson could not read stops the search (its cause is the type's own parse error). */
    private static Throwable mostSpecific(Throwable top) {
        Throwable t = top;
        while (t != null && !(t instanceof InvalidFormatException) && t.getCause() != null && t.getCause() != t)
            t = t.getCause();
        return t;
    }

    /** "a UUID", "one of A, B, C", "a Integer": what a parameter of this type accepts. */
    static String expected(Class<?> type) {
        if (type != null && type.isEnum()) return "one of " + allowed(type);
        return "a " + typeName(type);
    }

    private static String allowed(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    /** The JSON a client must send, not the Java type it maps to ("a number", never "a Double" or "a LinkedHashMap"). */
    private static String typeName(Class<?> type) {
        if (type == null) return "value";
        if (type == java.util.UUID.class) return "UUID";
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) return "JSON array";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class)
            return "whole number";
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) return "number";
        if (type == Boolean.class || type == boolean.class) return "boolean (true or false)";
        if (type == String.class) return "string";
        if (type == java.time.Instant.class) return "timestamp (ISO-8601, e.g. 2026-01-05T00:00:00Z)";
        return "JSON object";
    }
}
