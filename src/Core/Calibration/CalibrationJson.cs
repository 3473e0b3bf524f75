using System.Text.Json;
using RustScope.Core.IO;

namespace RustScope.Core.Calibration;

/// <summary>Writes and reads the calibration file; writes are atomic, like the session's.</summary>
internal static class CalibrationJson
{
    public static byte[] Serialize(CalibrationFile file) => JsonSerializer.SerializeToUtf8Bytes(file, CalibrationJsonContext.Default.CalibrationFile);

    public static void Write(CalibrationFile file, string path) => AtomicFile.WriteAllBytes(path, Serialize(file));

    public static CalibrationFile Read(string path) =>
        JsonSerializer.Deserialize(File.ReadAllBytes(path), CalibrationJsonContext.Default.CalibrationFile) ?? throw new JsonException($"{path}: calibration is null");
}
