using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Cases.Silo.Auth;

/// <summary>A key ring kept in memory, for a silo whose data folder cannot hold one: its keys, and what they protect, last for this run.</summary>
public sealed class MemoryXmlRepository : IXmlRepository
{
    private readonly List<XElement> _elements = [];

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_elements)
            return _elements.Select(e => new XElement(e)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_elements)
            _elements.Add(new XElement(element));
    }
}
