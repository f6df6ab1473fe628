import AWXReportCommand

AWXReport.main()
