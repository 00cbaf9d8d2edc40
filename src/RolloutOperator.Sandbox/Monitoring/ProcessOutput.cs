using System.Diagnostics;
using System.Text;

namespace RolloutOperator.Sandbox.Monitoring;

/// <summary>The last lines a child process wrote, kept so a failed start can say why.</summary>
internal sealed class ProcessOutput
{
    private const int MaxLines = 50;
    private readonly Queue<string> _lines = new();

    public static ProcessOutput Attach(Process process)
    {
        var output = new ProcessOutput();
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    public string Text()
    {
        lock (_lines)
        {
            return new StringBuilder().AppendJoin('\n', _lines).ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
