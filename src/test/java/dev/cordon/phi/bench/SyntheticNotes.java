package dev.cordon.phi.bench;

import java.util.List;

/** Invented clinical notes (1-3 KB each) for benchmarks. Every name, number and place is made up. */
final class SyntheticNotes {

    private SyntheticNotes() {
    }

    static List<String> all() {
        return List.of(admission(), clinicLetter(), dischargeSummary(), triageQuestion());
    }

    static String admission() {
        return "ADMISSION NOTE. Pt: Harold Q. Finnegan, DOB 02/11/1941, MRN: RVH-4471902. Admitted 3/14/2024 to "
                + "Riverbend General Hospital from home at 4410 Larkspur Ave, Tucson, AZ 85719. Contact daughter "
                + "Margaret Finnegan at (520) 555-0187. PCP Dr. Olsen. CC: worsening dyspnea x3 days. HPI: 83yo M "
                + "with HFrEF (EF 25%), CKD 3b (Cr 2.1, baseline 1.8), T2DM (HbA1c 8.4%), AFib on apixaban 5 mg BID, "
                + "presents with orthopnea, 3-pillow, PND, +6 kg weight gain since Feb 20. Denies chest pain. Vitals: "
                + "BP 148/92, HR 104 irregular, RR 24, SpO2 89% RA, T 36.9. Exam: JVP 12 cm, bibasilar crackles, 2+ "
                + "pitting edema to knees. Labs: Na 131, K 5.2, BUN 48, Cr 2.4, BNP 2340, troponin 0.04, Hgb 10.9. "
                + "CXR: pulmonary vascular congestion, small bilateral effusions. ECG: AFib RVR 110s, no acute ST "
                + "changes. A/P: acute on chronic HFrEF exacerbation likely due to dietary indiscretion and missed "
                + "furosemide doses. Start IV furosemide 80 mg BID, strict I/O, daily weights, fluid restriction 1.5 L, "
                + "low sodium diet. Hold lisinopril given AKI and hyperkalemia; recheck BMP at 0600 and 14:30. Continue "
                + "apixaban, metoprolol succinate 50 mg daily. Cardiology consult (Dr. Priya Raman) requested. Foley "
                + "catheter not indicated. Goals of care discussed with pt and daughter; remains full code. Insurance: "
                + "Medicare MBI 1EG4-TE5-MK73. Emergency contact email mfinnegan@example.net.";
    }

    static String clinicLetter() {
        return "Dear Dr. Whitcombe, thank you for referring Ms. Rosalind Achebe (DOB: July 9, 1968) to the Lakeshore "
                + "Rheumatology Clinic. I saw her on October 3rd, 2023 and again on the 17th. She is a 55-year-old "
                + "woman with seropositive rheumatoid arthritis diagnosed in 2019, previously on methotrexate 15 mg "
                + "weekly with folic acid 1 mg daily, stopped after transaminitis (ALT 112, AST 98). Current DAS28-CRP "
                + "5.1 with synovitis of MCPs 2-3 bilaterally. She also has a history of Bell's palsy in 2015, fully "
                + "resolved, and hypothyroidism on levothyroxine 100mcg. No Crohn disease or psoriasis. Family "
                + "history: mother with Parkinson's disease, brother with Hodgkin lymphoma. Social: lives in "
                + "Flagstaff with her husband Tobias, works as a librarian, never smoker. Plan: start adalimumab "
                + "40 mg SC every 2 weeks after negative QuantiFERON and hepatitis B serologies; continue "
                + "hydroxychloroquine 200 mg BID; ophthalmology screening annually. Please call our office at "
                + "928-555-0143 or fax 928-555-0199 with questions. Her insurance ID is ZQH-882014 and account "
                + "number ACCT-5520193. Patient portal: https://portal.lakeshore-example.org/patients. Sincerely, "
                + "Evelyn Marsh, MD, NPI 1234567893.";
    }

    static String dischargeSummary() {
        return "DISCHARGE SUMMARY. Name: Tomasz Wierzbicki. MRN 90211873. Admit 11/02/2023, discharge 11/06/2023. "
                + "Attending: Dr. Alan S. Diagnosis: community-acquired pneumonia, RLL, CURB-65 score 2. Course: "
                + "treated with ceftriaxone 1 g IV daily and azithromycin 500 mg x1 then 250 mg daily, transitioned to "
                + "oral amoxicillin-clavulanate 875 mg BID on hospital day 3. Procalcitonin 1.8 -> 0.4. Blood cultures "
                + "no growth at 48h. Sputum: normal flora. Oxygen weaned from 4 L NC to RA by day 3. Complications: "
                + "none. Condition at discharge: stable, ambulating, SpO2 95% RA. Disposition: home with wife Ilona. "
                + "Follow-up: PCP Dr. Henrietta Boyle at Cedar Grove Family Medicine on Nov 13 at 10:15; repeat CXR in "
                + "6 weeks. Meds: amoxicillin-clavulanate 875 mg BID x 3 more days, albuterol MDI PRN, home "
                + "atorvastatin 40 mg and amlodipine 5 mg unchanged. Pending: none. Patient was counseled on smoking "
                + "cessation (20 pack-years) and given nicotine patch 21 mg/day. Pneumococcal vaccine given 11/05. "
                + "Device: home CPAP serial no. RSX-2291847. Vehicle for transport: VIN 1HGCM82633A004352.";
    }

    static String triageQuestion() {
        return "Quick question about anticoagulation for a 91-year-old woman, Mrs. Delphine Arceneaux, seen at "
                + "St. Agatha's on Jan 5 with new AFib, CHA2DS2-VASc 5, HAS-BLED 3, CrCl 28 mL/min, weight 52 kg. "
                + "She fell twice last year. Would apixaban 2.5 mg BID be preferred over warfarin (INR goal 2.0-3.0)? "
                + "Her SSN 234-56-7801 was pasted by mistake in the referral. She lives at 88 Orchard Lane, "
                + "Hattiesburg, MS 39401. Cell 601-555-0112.";
    }
}
