using System.Runtime.InteropServices;

namespace Cases.Silo.Auth;

/// <summary>Keeps the silo's secrets and databases to its own user: new files 0600 and folders 0700, and the data folder tightened at start.</summary>
public static class PrivateFiles
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    /// <summary>Sets the process's umask to 077, so every file the silo creates (SQLite's WAL and shared memory, key ring files) is its user's alone.</summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
            _ = Umask(0b000_111_111);
    }

    /// <summary>Creates the folder 0700 (or tightens it) and tightens every file already in it to 0600; files written by older versions were 0644.</summary>
    public static void Secure(string folder)
    {
        Directory.CreateDirectory(folder);
        if (OperatingSystem.IsWindows())
            return;
        File.SetUnixFileMode(folder, OwnerOnlyFolder);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            entry.UnixFileMode = entry is DirectoryInfo ? OwnerOnlyFolder : entry.UnixFileMode & OwnerOnlyFolder;
    }

    /// <summary>Writes a file that only the silo's user may read, whatever the umask.</summary>
    public static void WriteSecret(string path, string contents)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnlyFile;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(contents);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}
