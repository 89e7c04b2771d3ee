package org.alignlab.app;

import org.alignlab.core.Scale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses quick|paper with a clear message. */
final class ScaleConverter implements ITypeConverter<Scale> {
    @Override
    public Scale convert(String value) {
        for (Scale s : Scale.values()) if (s.label().equalsIgnoreCase(value)) return s;
        throw new TypeConversionException("unknown scale '" + value + "': use quick or paper");
    }
}
