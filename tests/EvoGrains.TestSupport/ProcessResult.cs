namespace EvoGrains.TestSupport;

/// <summary>Exit code and captured output of a finished child process.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
