using Cases.Domain;
using Cases.Domain.Rules;

namespace Cases.Silo;

/// <summary>Today in the city's calendar (the rule set's time zone), for the API's and console's checks of dates people enter.</summary>
public sealed class CityClock(TimeProvider time, RuleSet rules)
{
    /// <summary>The city's calendar the rule set names.</summary>
    public CityCalendar Calendar => rules.Calendar;

    /// <summary>The city's date now.</summary>
    public DateOnly Today => rules.Calendar.DateOf(time.GetUtcNow());
}
