package io.dataguardian.app.cache;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis values are JSON {@code {"exp": epochMillis, "v": value}} read back with the caller's type:
 * no Java serialisation, no default typing, so an entry can never name a class to instantiate.
 * Decoding is strict (unknown properties, trailing tokens, nulls for primitives all fail): for a cache
 * an entry that does not fit the type exactly is a miss to reload, not something to guess at.
 */
public final class CacheCodec {

    /** What is stored in Redis; {@code exp} bounds the L1 copy's lifetime by the L2 entry's. */
    public record Envelope<T>(long exp, T v) {
    }

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public JavaType type(Class<?> type) {
        return mapper.getTypeFactory().constructType(type);
    }

    public JavaType type(tools.jackson.core.type.TypeReference<?> type) {
        return mapper.getTypeFactory().constructType(type);
    }

    public byte[] encode(Object value, long expiresAtMillis) {
        return mapper.writeValueAsBytes(new Envelope<>(expiresAtMillis, value));
    }

    /** Rough heap cost of a value: its JSON size. */
    public int weigh(Object value) {
        return mapper.writeValueAsBytes(value).length;
    }

    /**
     * @throws CorruptEntryException when the bytes are not a well-formed envelope of exactly that type
     */
    @SuppressWarnings("unchecked")
    public <T> Envelope<T> decode(byte[] bytes, JavaType valueType) {
        JavaType envelope = mapper.getTypeFactory().constructParametricType(Envelope.class, valueType);
        try {
            Envelope<T> e = (Envelope<T>) mapper.readValue(bytes, envelope);
            if (e == null || e.v() == null || e.exp() <= 0) {
                throw new CorruptEntryException("empty or incomplete cache entry", null);
            }
            return e;
        } catch (JacksonException | IllegalArgumentException ex) {
            throw new CorruptEntryException("cache entry does not decode as " + valueType, ex);
        }
    }

    /** An L2 entry that could not be read as the expected type: counted, deleted, treated as a miss. */
    public static final class CorruptEntryException extends RuntimeException {
        CorruptEntryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
