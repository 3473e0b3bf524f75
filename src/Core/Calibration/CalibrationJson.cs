using System.Text.Json;
using RustScope.Core.IO;

namespace RustScope.Core.Calibration;

/// <summary>Writes the calibration file atomically, like the session: a reader never sees half of it.</summary>
internal static class CalibrationJson
{
    public static byte[] Serialize(CalibrationFile file) => JsonSerializer.SerializeToUtf8Bytes(file, CalibrationJsonContext.Default.CalibrationFile);

    public static void Write(CalibrationFile file, string path) => AtomicFile.WriteAllBytes(path, Serialize(file));
}
